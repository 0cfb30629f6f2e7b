import { describe, expect, it } from "vitest";
import { type Env, loadEnv, slackConnection } from "../../src/config/env.js";

describe("loadEnv", () => {
  it("has defaults for everything, so an empty environment runs the embedded bot", () => {
    const env = loadEnv({});
    expect(env).toMatchObject({ PORT: 3000, DATA_DIR: "./data", MANDATES_DIR: "./mandates", DEFAULT_LANGUAGE: "en", LOG_LEVEL: "info" });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.SLACK_BOT_TOKEN).toBeUndefined();
    expect(env.SLACK_SIGNING_SECRET).toBeUndefined();
    expect(env.SLACK_APP_TOKEN).toBeUndefined();
    expect(env.SLACK_API_URL).toBeUndefined();
  });

  it("treats an empty string as unset", () => {
    const env = loadEnv({
      PORT: "",
      DATABASE_URL: "",
      DATA_DIR: "",
      MANDATES_DIR: "",
      SLACK_BOT_TOKEN: "",
      SLACK_SIGNING_SECRET: "",
      SLACK_APP_TOKEN: "",
      SLACK_API_URL: "",
      DEFAULT_LANGUAGE: "",
      LOG_LEVEL: "",
    });
    expect(env).toEqual(loadEnv({}));
    expect(slackConnection(env).mode).toBe("none");
  });

  it("reads given values", () => {
    const env = loadEnv({
      PORT: "8080",
      DATABASE_URL: "postgresql://bot@db.example.org:5432/mandat",
      DATA_DIR: "/var/lib/mandat",
      MANDATES_DIR: "/etc/mandat/mandates",
      SLACK_BOT_TOKEN: "xoxb-1-2-3",
      SLACK_SIGNING_SECRET: "s3cret",
      SLACK_API_URL: "http://127.0.0.1:9999/api/",
      DEFAULT_LANGUAGE: "nb",
      LOG_LEVEL: "debug",
    });
    expect(env).toMatchObject({
      PORT: 8080,
      DATABASE_URL: "postgresql://bot@db.example.org:5432/mandat",
      DATA_DIR: "/var/lib/mandat",
      MANDATES_DIR: "/etc/mandat/mandates",
      SLACK_API_URL: "http://127.0.0.1:9999/api/",
      DEFAULT_LANGUAGE: "nb",
      LOG_LEVEL: "debug",
    });
    expect(loadEnv({ DATABASE_URL: "postgres://x@y/z" }).DATABASE_URL).toBe("postgres://x@y/z");
    expect(loadEnv({ PORT: "0" }).PORT).toBe(0);
  });

  it("ignores variables it does not know", () => {
    expect(() => loadEnv({ HOME: "/root", PATH: "/usr/bin", npm_config_foo: "bar" })).not.toThrow();
  });

  it.each([
    ["PORT", "abc"],
    ["PORT", "70000"],
    ["PORT", "-1"],
    ["PORT", "30.5"],
    ["DATABASE_URL", "mysql://root@localhost/mandat"],
    ["DATABASE_URL", "./data"],
    ["SLACK_BOT_TOKEN", "xoxp-user-token"],
    ["SLACK_APP_TOKEN", "xoxb-not-an-app-token"],
    ["SLACK_API_URL", "not a url"],
    ["DEFAULT_LANGUAGE", "xx"],
    ["DEFAULT_LANGUAGE", "no"],
    ["LOG_LEVEL", "loud"],
  ])("refuses %s=%j, naming the variable", (name, value) => {
    expect(() => loadEnv({ [name]: value })).toThrow(new RegExp(`^The environment is not valid:[\\s\\S]*\\b${name}: `));
  });

  it("names every bad variable at once", () => {
    let message = "";
    try {
      loadEnv({ PORT: "x", DEFAULT_LANGUAGE: "fr", SLACK_BOT_TOKEN: "nope" });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain("PORT: ");
    expect(message).toContain("DEFAULT_LANGUAGE: ");
    expect(message).toContain("SLACK_BOT_TOKEN: must start with xoxb-");
  });

  it("does not echo a refused secret back", () => {
    let message = "";
    try {
      loadEnv({ SLACK_BOT_TOKEN: "xoxp-very-secret-user-token" });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain("SLACK_BOT_TOKEN");
    expect(message).not.toContain("very-secret");
  });
});

describe("slackConnection", () => {
  const env = (vars: Record<string, string>): Env => loadEnv(vars);

  it("is one workspace over HTTP with a bot token and a signing secret", () => {
    expect(slackConnection(env({ SLACK_BOT_TOKEN: "xoxb-1", SLACK_SIGNING_SECRET: "sig" }))).toEqual({
      mode: "single",
      botToken: "xoxb-1",
      transport: { kind: "http", signingSecret: "sig" },
    });
  });

  it("is one workspace over Socket Mode with a bot token and an app token, signing secret or not", () => {
    const socket = { mode: "single", botToken: "xoxb-1", transport: { kind: "socket", appToken: "xapp-1" } };
    expect(slackConnection(env({ SLACK_BOT_TOKEN: "xoxb-1", SLACK_APP_TOKEN: "xapp-1" }))).toEqual(socket);
    expect(slackConnection(env({ SLACK_BOT_TOKEN: "xoxb-1", SLACK_APP_TOKEN: "xapp-1", SLACK_SIGNING_SECRET: "sig" }))).toEqual(socket);
  });

  it.each<[string, Record<string, string>, string[]]>([
    ["nothing", {}, ["SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET (HTTP) or SLACK_APP_TOKEN (Socket Mode)"]],
    ["only a bot token", { SLACK_BOT_TOKEN: "xoxb-1" }, ["SLACK_SIGNING_SECRET (HTTP) or SLACK_APP_TOKEN (Socket Mode)"]],
    ["only a signing secret", { SLACK_SIGNING_SECRET: "sig" }, ["SLACK_BOT_TOKEN"]],
    ["only an app token", { SLACK_APP_TOKEN: "xapp-1" }, ["SLACK_BOT_TOKEN"]],
    [
      "empty strings",
      { SLACK_BOT_TOKEN: "", SLACK_SIGNING_SECRET: "" },
      ["SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET (HTTP) or SLACK_APP_TOKEN (Socket Mode)"],
    ],
  ])("is none with %s, listing what is missing", (_label, vars, missing) => {
    expect(slackConnection(env(vars))).toEqual({ mode: "none", missing });
  });

  const OAUTH = {
    SLACK_CLIENT_ID: "1234567890.0987654321",
    SLACK_CLIENT_SECRET: "client-secret",
    SLACK_STATE_SECRET: "a-long-random-state-secret",
    TOKEN_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString("base64"),
  };

  it("is a distributed app with the OAuth settings and an encryption key, over HTTP or Socket Mode", () => {
    const http = slackConnection(env({ ...OAUTH, SLACK_SIGNING_SECRET: "sig" }));
    expect(http).toEqual({
      mode: "distributed",
      transport: { kind: "http", signingSecret: "sig" },
      clientId: OAUTH.SLACK_CLIENT_ID,
      clientSecret: "client-secret",
      stateSecret: "a-long-random-state-secret",
      encryptionKey: Buffer.alloc(32, 7),
    });
    expect(slackConnection(env({ ...OAUTH, SLACK_APP_TOKEN: "xapp-1" }))).toMatchObject({
      mode: "distributed",
      transport: { kind: "socket" },
    });
    // The key may also be written as 64 hex digits.
    expect(slackConnection(env({ ...OAUTH, TOKEN_ENCRYPTION_KEY: "07".repeat(32), SLACK_SIGNING_SECRET: "sig" }))).toMatchObject({
      encryptionKey: Buffer.alloc(32, 7),
    });
  });

  it("names what a distributed app still lacks", () => {
    expect(slackConnection(env({ SLACK_CLIENT_ID: OAUTH.SLACK_CLIENT_ID }))).toEqual({
      mode: "none",
      missing: [
        "SLACK_CLIENT_SECRET",
        "SLACK_STATE_SECRET",
        "TOKEN_ENCRYPTION_KEY",
        "SLACK_SIGNING_SECRET (HTTP) or SLACK_APP_TOKEN (Socket Mode)",
      ],
    });
  });

  it.each([
    ["TOKEN_ENCRYPTION_KEY", "too-short"],
    ["TOKEN_ENCRYPTION_KEY", Buffer.alloc(16).toString("base64")],
    ["SLACK_STATE_SECRET", "short"],
    ["SLACK_CLIENT_ID", "not-an-id"],
  ])("refuses %s=%j, naming the variable and not echoing it", (name, value) => {
    let message = "";
    try {
      loadEnv({ ...OAUTH, [name]: value });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(new RegExp(`\\b${name}: `));
    expect(message).not.toContain(value);
  });

  it("refuses a bot token and OAuth settings together: which workspace would the bot be in?", () => {
    expect(() => loadEnv({ ...OAUTH, SLACK_BOT_TOKEN: "xoxb-1" })).toThrow(
      /SLACK_CLIENT_ID: set SLACK_BOT_TOKEN \(one workspace\) or SLACK_CLIENT_ID/,
    );
  });
});
