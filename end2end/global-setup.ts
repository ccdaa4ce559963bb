// Waits until the server under test answers /healthz: cargo-leptos starts the suite right
// after spawning the server, before it listens.
export default async function globalSetup(): Promise<void> {
  const siteAddr = process.env.LEPTOS_SITE_ADDR ?? '127.0.0.1:3000';
  const url = `http://${siteAddr}/healthz`;
  const deadline = Date.now() + 60_000;
  let last = '';
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url);
      if (res.ok) return;
      last = `HTTP ${res.status}`;
    } catch (err) {
      last = String(err);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the server did not become healthy at ${url} within 60 s (${last})`);
}
