// The users and posts the specs' examples show, gathered from both versions, for the sandbox.
import v1 from '../generated/v1/openapi.json' with { type: 'json' };
import v2 from '../generated/v2/openapi.json' with { type: 'json' };
import type { ExamplePost, ExampleUser } from '../src/db/seed.js';

export function exampleRecords(): { users: ExampleUser[]; posts: ExamplePost[] } {
  const users = new Map<number, ExampleUser>();
  const posts = new Map<number, ExamplePost>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    const value = node as Record<string, unknown>;
    if (typeof value.id === 'number' && typeof value.email === 'string' && typeof value.role === 'string')
      users.set(value.id, value as unknown as ExampleUser);
    if (typeof value.id === 'number' && typeof value.title === 'string' && value.author)
      posts.set(value.id, value as unknown as ExamplePost);
    Object.values(value).forEach(visit);
  };
  for (const document of [v1, v2]) visit(Object.values(document.components.examples).map((e) => (e as { value: unknown }).value));
  return { users: [...users.values()], posts: [...posts.values()] };
}
