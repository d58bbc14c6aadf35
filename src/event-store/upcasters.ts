/** Turns the data of one event type from schema version `from` into version `from + 1`. Pure. */
export type Upcaster = (data: Record<string, unknown>) => Record<string, unknown>;

export interface UpcasterDefinition {
  type: string;
  fromVersion: number;
  upcast: Upcaster;
}

/** Old event shapes are upgraded on read, one version at a time; stored events are never edited. */
export class UpcasterRegistry {
  private readonly byKey = new Map<string, Upcaster>();

  constructor(definitions: UpcasterDefinition[] = []) {
    for (const definition of definitions) this.register(definition);
  }

  register({ type, fromVersion, upcast }: UpcasterDefinition): this {
    const key = `${type}@${fromVersion}`;
    if (this.byKey.has(key)) throw new Error(`an upcaster for ${key} is already registered`);
    this.byKey.set(key, upcast);
    return this;
  }

  upcast(type: string, schemaVersion: number, data: Record<string, unknown>) {
    let version = schemaVersion;
    let current = data;
    for (let step = this.byKey.get(`${type}@${version}`); step; step = this.byKey.get(`${type}@${version}`)) {
      current = step(current);
      version += 1;
    }
    return { schemaVersion: version, data: current };
  }
}
