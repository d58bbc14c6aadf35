/** A person of the demo history, as GET /dev/people lists them (src/demo/demo-people.ts). */
export interface DemoPerson {
  userId: string;
  name: string;
  roles: string[];
}

/** The people the development sign-in offers; undefined where it is absent (production: 404). */
export async function demoPeople(): Promise<DemoPerson[] | undefined> {
  const response = await fetch('/dev/people', { headers: { accept: 'application/json' } });
  if (response.status === 404) return undefined;
  if (!response.ok) throw new Error(`GET /dev/people: ${response.status}`);
  return ((await response.json()) as { people: DemoPerson[] }).people;
}

/** A token for the person and role, signed by the development secret (POST /dev/token). */
export async function devToken(person: DemoPerson, role: string): Promise<string> {
  const response = await fetch('/dev/token', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ userId: person.userId, name: person.name, roles: [role] }),
  });
  if (!response.ok) throw new Error(`POST /dev/token: ${response.status}`);
  return ((await response.json()) as { token: string }).token;
}
