/** System parameters: a stored value, or the catalogue's default when none was saved. */
import { eq } from 'drizzle-orm';
import { PARAMETERS, type ParameterKey } from '@rexian/contracts';
import type { Db } from '../../db/database';
import { parameters } from '../../db/schema';

type ValueOf<K extends ParameterKey> = (typeof PARAMETERS)[K]['default'] extends number ? number
  : (typeof PARAMETERS)[K]['default'] extends boolean ? boolean : string;

export async function readParameter<K extends ParameterKey>(db: Db, key: K): Promise<ValueOf<K>> {
  const [row] = await db.select({ value: parameters.value }).from(parameters).where(eq(parameters.key, key));
  return (row?.value ?? PARAMETERS[key].default) as ValueOf<K>;
}
