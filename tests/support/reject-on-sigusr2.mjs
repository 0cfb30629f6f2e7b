// Preloaded (`node --import`) by tests/process/stop.test.ts: on SIGUSR2 a promise rejects and
// nothing handles it, as a bug anywhere in the bot could.
process.on("SIGUSR2", () => {
  Promise.reject(new Error("a rejection nobody handles (test)"));
});
