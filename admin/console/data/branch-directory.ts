/** A branch as the console lists it: enough for the switcher and the links. */
export interface BranchSummary {
  id: string;
  name: string;
}

/**
 * The branches the signed-in user may see. The shell replaces this object whenever the list
 * changes (a branch created, renamed), so pages that consume it re-render.
 */
export interface BranchDirectory {
  readonly items: readonly BranchSummary[];
  /** Loads the list again (after creating or renaming a branch). */
  refresh(): Promise<void>;
}

export function branchName(dir: BranchDirectory | undefined, id: string): string {
  return dir?.items.find((b) => b.id === id)?.name ?? id;
}
