/**
 * A stable random identity for the workspace this database holds, reported by `GET /v1/me`. The
 * agent keys its cache and its notifier's index by it (with the backend URL), so signing in to
 * another workspace, or a database replaced behind the same address, never mixes two workspaces'
 * rows. One row only: the primary key is a constant.
 */
export const workspaceIdentitySchema = `
CREATE TABLE workspace (
  singleton    boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  workspace_id uuid NOT NULL DEFAULT gen_random_uuid(),
  created_at   timestamptz NOT NULL DEFAULT now()
);
INSERT INTO workspace DEFAULT VALUES;
`;
