import { readFileSync } from 'node:fs';

/** Side information: for each course, the entities it links to (concepts, field, teacher, school). */
export type CourseEntities = Map<string, string[]>;

/** Parses `course relation entity` triples; the relation is kept in the entity key. */
export function parseCourseKg(text: string): CourseEntities {
  const out: CourseEntities = new Map();
  for (const line of text.split('\n')) {
    const [course, relation, entity] = line.trim().split(/\s+/);
    if (!course || !entity) continue;
    const list = out.get(course) ?? [];
    list.push(`${relation}:${entity}`);
    out.set(course, list);
  }
  return out;
}

export function loadCourseKg(file: string): CourseEntities {
  return parseCourseKg(readFileSync(file, 'utf8'));
}
