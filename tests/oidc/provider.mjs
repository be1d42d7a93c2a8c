// A real OpenID provider for the tests (npm oidc-provider), on loopback: `node provider.mjs config.json`.
//
// The JSON config, written by the pytest fixture (tests/oidc/conftest.py):
//   { "port": 0-65535, "clients": [{ client_id, client_secret, redirect_uris, post_logout_redirect_uris }],
//     "accounts": [{ sub, email, email_verified, xms_edov, mfa }] }
// Its development sign-in page takes an account's email (or sub) and any password; then a consent page.
// Whether an account "used" two factors is the `amr` its sign-in records: ["pwd", "mfa"] or ["pwd"].
// PKCE (S256) is required of every client. Prints "ready" once listening.
import { readFileSync } from "node:fs";
import Provider from "oidc-provider";

const config = JSON.parse(readFileSync(process.argv[2], "utf8"));
const issuer = `http://127.0.0.1:${config.port}`;
const bySub = new Map(config.accounts.map((account) => [account.sub, account]));
const byEmail = new Map(config.accounts.map((account) => [account.email.toLowerCase(), account]));

const provider = new Provider(issuer, {
  clients: config.clients.map((client) => ({
    grant_types: ["authorization_code"],
    response_types: ["code"],
    ...client,
  })),
  pkce: { required: () => true },
  // The email claims in the ID token itself, as Entra ID's optional claims put them there.
  conformIdTokenClaims: false,
  claims: {
    acr: null,
    auth_time: null,
    iss: null,
    sid: null,
    // amr in every ID token, as Entra ID puts it there: how the person signed in this time.
    // xms_edov as Entra ID sends it (an optional claim) for accounts configured with it.
    openid: ["sub", "amr", "xms_edov"],
    email: ["email", "email_verified"],
    profile: ["name"],
  },
  features: {
    devInteractions: { enabled: true },
    rpInitiatedLogout: { enabled: true },
  },
  cookies: { keys: ["tests-only-not-a-secret"] },
  async findAccount(_ctx, sub) {
    const account = bySub.get(sub);
    if (!account) return undefined;
    return {
      accountId: sub,
      async claims() {
        const { email, email_verified, xms_edov } = account;
        return { sub, email, email_verified, xms_edov, name: account.name || "" };
      },
    };
  },
});

// The development sign-in knows only a login name: record the account's sub and how it signed in.
const finish = provider.interactionFinished.bind(provider);
provider.interactionFinished = async (req, res, result, options) => {
  if (result.login) {
    const typed = String(result.login.accountId || "");
    const account = bySub.get(typed) || byEmail.get(typed.toLowerCase());
    if (account) {
      result.login.accountId = account.sub;
      result.login.amr = account.mfa ? ["pwd", "mfa"] : ["pwd"];
    }
  }
  return finish(req, res, result, options);
};

// Its development pages import a web font from Google: the tests stay on this machine. First in line,
// so it sees every page the provider's own routes write.
provider.app.middleware.unshift(async (ctx, next) => {
  await next();
  if (typeof ctx.body === "string" && ctx.response.is("html")) {
    ctx.body = ctx.body.replace(/@import url\(https:\/\/fonts\.googleapis\.com[^)]*\);?/g, "");
  }
});

// How often each address was asked for, so the tests can count discovery and key fetches:
// GET /test/requests answers with { "/path": count }. GET /test/fail-discovery makes the next
// discovery request fail (503), as a provider that is briefly down would. First in line.
const requestCounts = {};
let failNextDiscovery = false;
provider.app.middleware.unshift(async (ctx, next) => {
  if (ctx.path === "/test/requests") {
    ctx.body = requestCounts;
    return;
  }
  if (ctx.path === "/test/fail-discovery") {
    failNextDiscovery = true;
    ctx.body = { failNextDiscovery };
    return;
  }
  requestCounts[ctx.path] = (requestCounts[ctx.path] || 0) + 1;
  if (ctx.path === "/.well-known/openid-configuration" && failNextDiscovery) {
    failNextDiscovery = false;
    ctx.status = 503;
    ctx.body = "Service unavailable";
    return;
  }
  await next();
});

const server = provider.listen(config.port, "127.0.0.1", () => console.log("ready"));
const stop = () => server.close(() => process.exit(0));
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
