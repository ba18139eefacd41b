import type { Preset } from '../../core';
import type { Sql } from '../store/sql';

/**
 * The bank-wide preset library, kept by the head office. Every branch inherits it: a change here
 * is also an event in each branch's log (see BranchAdmin), so each branch's history says who
 * changed which preset and when; this table is what a branch opened tomorrow starts with.
 */
export class PresetLibrary {
  constructor(private readonly sql: Sql) {}

  async list(db: Sql = this.sql): Promise<Preset[]> {
    const rows = await db.all<{ preset: string }>('SELECT preset FROM preset_library ORDER BY position, id');
    return rows.map((r) => JSON.parse(r.preset) as Preset);
  }

  /** Adds the preset at the end, or changes it in place. */
  async put(preset: Preset, at: number, by: string | null): Promise<void> {
    await this.sql.tx(async (tx) => {
      const last = await tx.get<{ n: number | null }>('SELECT max(position) AS n FROM preset_library');
      await tx.run(
        `INSERT INTO preset_library (id, preset, position, updated_at, updated_by) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET preset = excluded.preset, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
        [preset.id, JSON.stringify(preset), Number(last?.n ?? 0) + 1, at, by],
      );
    });
  }

  async remove(presetId: string): Promise<void> {
    await this.sql.run('DELETE FROM preset_library WHERE id = ?', [presetId]);
  }
}
