// HS256 tokens as the Document Server signs and checks them, on atlassian-jwt's encoder.
import * as jwt from 'atlassian-jwt';

const now = () => Math.floor(Date.now() / 1000);

/** `claims` with iat and exp (+5 min), signed. */
export function sign(claims, secret) {
  return jwt.encodeSymmetric({ ...claims, iat: now(), exp: now() + 300 }, secret, jwt.SymmetricAlgorithm.HS256);
}

/** Verified claims, or throws with the Document Server's wording. Clock tolerance 60 s. */
export function verify(token, secret) {
  let claims;
  try {
    claims = jwt.decodeSymmetric(token, secret, jwt.SymmetricAlgorithm.HS256);
  } catch {
    throw new Error('invalid token');
  }
  if (typeof claims.exp === 'number' && claims.exp + 60 < now()) throw new Error('token expired');
  return claims;
}

/** The token of a request: body `token` first, else the header (prefix stripped, payload unwrapped). */
export function requestClaims(body, headerValue, secret) {
  if (body && typeof body.token === 'string') return verify(body.token, secret);
  if (!headerValue) return null;
  const claims = verify(headerValue.replace(/^Bearer /, ''), secret);
  return claims.payload ?? claims;
}
