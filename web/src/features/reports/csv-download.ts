import { storedSession } from '../../app/session';

/** A link cannot carry the bearer token: the CSV is fetched with it, then saved from an object URL. */
export async function downloadCsv(path: string, params: Record<string, string>, fileName: string): Promise<void> {
  const token = storedSession()?.token;
  const response = await fetch(`${path}?${new URLSearchParams(params)}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  const url = URL.createObjectURL(await response.blob());
  try {
    const link = Object.assign(document.createElement('a'), { href: url, download: fileName });
    link.click();
  } finally {
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }
}
