// The records the repositories hand back, types only. They sit at the bottom of the layers: the
// domain re-exports them (src/domain/types.ts) and everything above the domain takes them from
// there, so src/db/ imports nothing of the domain and only the domain imports src/db/.

/** What a user may do: `admin` may manage everyone. */
export type Role = 'user' | 'admin';

export interface UserRecord {
  id: number;
  email: string;
  name: string;
  role: Role;
  created_at: string;
  updated_at: string;
  /** 1 when created, one more on every write: what the strong ETag is made of. */
  revision: number;
}

export interface PostRecord {
  id: number;
  title: string;
  body: string;
  tags: string[];
  author: UserRecord;
  created_at: string;
  updated_at: string;
  /** 1 when created, one more on every write: with the author's, what the strong ETag is made of. */
  revision: number;
}
