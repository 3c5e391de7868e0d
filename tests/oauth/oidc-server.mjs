// A real OpenID provider for tst_oauth: oidc-provider (npm, the certified
// implementation), on a free loopback port, with test clients for every grant
// Peephole implements. devInteractions serve the login and consent pages the
// test's small "browser" follows. A tiny resource server on a second port
// answers /api/me with the token's subject, or 401 Bearer error="invalid_token".
//
// Prints "PORT <provider>" then "APIPORT <api>" on stdout, then runs until killed.
//
// What the provider does not do by itself and the fixture adds (RFC 8628):
// the device authorization response carries "interval": 1, the first poll of
// each device code is answered slow_down (§3.5), and GET /polls on the API port
// lists the poll times (ms) of the latest device code.
import fs from 'node:fs';
import http from 'node:http';
import crypto from 'node:crypto';
import Provider from 'oidc-provider';

function listen(server) {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server.address().port)));
}

const rsa = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });
const ec = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'jwk' });

// private_key_jwt: the client's key pair; the private half goes to $OIDC_JWT_CLIENT_KEY for the test.
const clientKeys = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' });
if (process.env.OIDC_JWT_CLIENT_KEY) {
  fs.writeFileSync(process.env.OIDC_JWT_CLIENT_KEY, clientKeys.privateKey.export({ format: 'pem', type: 'pkcs8' }),
    { mode: 0o600 });
}
const clientJwk = { ...clientKeys.publicKey.export({ format: 'jwk' }), kid: 'client-ec-1', use: 'sig', alg: 'ES256' };

const httpServer = http.createServer();
const port = await listen(httpServer);
const issuer = `http://127.0.0.1:${port}`;

const loopback = ['http://127.0.0.1/callback'];
const allGrants = ['authorization_code', 'refresh_token', 'client_credentials',
  'urn:ietf:params:oauth:grant-type:device_code'];

const provider = new Provider(issuer, {
  clients: [
    { // confidential, secret in an Authorization: Basic header
      client_id: 'conf-client',
      client_secret: 'conf-secret-7f3a9c',
      scope: 'openid offline_access profile email api:read',
      application_type: 'native',
      token_endpoint_auth_method: 'client_secret_basic',
      grant_types: allGrants,
      response_types: ['code'],
      redirect_uris: loopback,
    },
    { // confidential, secret in the form body
      client_id: 'post-client',
      client_secret: 'post-secret-51b2e8',
      application_type: 'native',
      token_endpoint_auth_method: 'client_secret_post',
      grant_types: ['client_credentials', 'refresh_token', 'authorization_code'],
      response_types: ['code'],
      redirect_uris: loopback,
    },
    { // confidential, authenticated by a signed assertion (RFC 7523)
      client_id: 'jwt-client',
      application_type: 'native',
      token_endpoint_auth_method: 'private_key_jwt',
      token_endpoint_auth_signing_alg: 'ES256',
      jwks: { keys: [clientJwk] },
      grant_types: ['client_credentials'],
      response_types: [],
      redirect_uris: [],
    },
    { // public (PKCE, no secret), ES256 ID tokens
      client_id: 'public-client',
      application_type: 'native',
      token_endpoint_auth_method: 'none',
      id_token_signed_response_alg: 'ES256',
      grant_types: ['authorization_code', 'refresh_token', 'urn:ietf:params:oauth:grant-type:device_code'],
      response_types: ['code'],
      redirect_uris: loopback,
    },
    { // public, access tokens that expire after 2 s (the refresh test)
      client_id: 'short-client',
      application_type: 'native',
      token_endpoint_auth_method: 'none',
      grant_types: ['authorization_code', 'refresh_token', 'urn:ietf:params:oauth:grant-type:device_code'],
      response_types: ['code'],
      redirect_uris: loopback,
    },
  ],
  jwks: { keys: [{ ...rsa, kid: 'rsa-1', use: 'sig', alg: 'RS256' }, { ...ec, kid: 'ec-1', use: 'sig', alg: 'ES256' }] },
  features: {
    devInteractions: { enabled: true },
    deviceFlow: { enabled: true },
    clientCredentials: { enabled: true },
    revocation: { enabled: true },
    introspection: { enabled: true },
  },
  pkce: { required: () => true },
  scopes: ['openid', 'offline_access', 'profile', 'email', 'api:read', 'api:write'],
  issueRefreshToken: async (ctx, client) => client.grantTypeAllowed('refresh_token'),
  ttl: {
    AccessToken: (ctx, token, client) => (client && client.clientId === 'short-client' ? 2 : 3600),
    ClientCredentials: 600,
    DeviceCode: 120,
    Grant: 3600,
    IdToken: 3600,
    Interaction: 600,
    RefreshToken: 86400,
    Session: 3600,
  },
  findAccount: async (ctx, id) => ({
    accountId: id,
    claims: async () => ({ sub: id, name: `Test user ${id}`, email: `${id}@example.test` }),
  }),
  claims: { openid: ['sub'], profile: ['name'], email: ['email'] },
  cookies: { keys: ['peephole-oauth-test-cookie-key'] },
});
provider.proxy = false;

// RFC 8628 polling rules the provider leaves to the deployment: the first poll
// of each device code is answered slow_down (§3.5), and every poll's time is kept
// so the test can check the client's spacing (GET /polls on the API port).
const polls = new Map();
let lastDeviceCode = null;
provider.use(async (ctx, next) => {
  const arrived = Date.now();
  await next();
  if (ctx.method !== 'POST') return;
  if (ctx.path === '/device/auth' && ctx.status === 200 && ctx.body && ctx.body.device_code) {
    ctx.body = { ...ctx.body, interval: 1 };
    return;
  }
  const params = ctx.oidc && ctx.oidc.params;
  if (ctx.path === '/token' && params && params.grant_type === 'urn:ietf:params:oauth:grant-type:device_code') {
    const list = polls.get(params.device_code) || [];
    list.push(arrived);
    polls.set(params.device_code, list);
    lastDeviceCode = params.device_code;
    if (list.length === 1 && ctx.body && ctx.body.error === 'authorization_pending') {
      ctx.status = 400;
      ctx.body = { error: 'slow_down', error_description: 'you are polling too quickly and should back off' };
    }
  }
});

httpServer.on('request', provider.callback());

// The resource server: checks the access token against the provider's store.
const api = http.createServer(async (req, res) => {
  if (req.url === '/polls') {
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify(polls.get(lastDeviceCode) || []));
    return;
  }
  const auth = req.headers.authorization || '';
  const m = /^Bearer (.+)$/.exec(auth);
  const deny = (desc) => {
    res.writeHead(401, { 'WWW-Authenticate': `Bearer realm="api", error="invalid_token", error_description="${desc}"`,
      'Content-Type': 'application/json' });
    res.end(JSON.stringify({ error: 'invalid_token' }));
  };
  if (!m) {
    res.writeHead(401, { 'WWW-Authenticate': 'Bearer realm="api"', 'Content-Type': 'application/json' });
    res.end('{}');
    return;
  }
  const token = (await provider.AccessToken.find(m[1])) || (await provider.ClientCredentials.find(m[1]));
  if (!token || token.isExpired) { deny('the access token expired or was revoked'); return; }
  res.writeHead(200, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify({ sub: token.accountId || null, client: token.clientId, scope: token.scope || '' }));
});
const apiPort = await listen(api);

process.stdout.write(`PORT ${port}\nAPIPORT ${apiPort}\n`);
