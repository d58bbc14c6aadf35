import { storedSession } from '../../app/session';

/** GET /projects/:id/archive needs the bearer token, which a plain link cannot carry: fetched, then saved from a blob. */
export async function downloadArchive(projectId: string): Promise<void> {
  const token = storedSession()?.token;
  const response = await fetch(`/projects/${projectId}/archive`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  if (!response.ok) throw new Error(`GET /projects/${projectId}/archive: ${response.status}`);
  const url = URL.createObjectURL(await response.blob());
  const link = Object.assign(document.createElement('a'), { href: url, download: `project-${projectId}-archive.json` });
  link.click();
  // the browser reads the blob after click() returns
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
