import { InputError } from '../src/errors.js';
import { readTextFile } from '../src/io/readFiles.js';
import { parseScenario } from '../src/io/parseScenario.js';
import type { Scenario } from '../src/model/Scenario.js';

/**
 * Reads and checks a scenario file; every problem is an {@link InputError} that names the file
 * and the field (the CLI prints it on one line and exits 2).
 *
 * @example
 * ```ts
 * const scenario = await readScenarioFile('fixtures/seongdong/seongdong-846.json');
 * ```
 */
export async function readScenarioFile(file: string): Promise<Scenario> {
  const text = await readTextFile(file);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new InputError(`not valid JSON (${(e as Error).message})`, file);
  }
  try {
    return parseScenario(json);
  } catch (e) {
    if (e instanceof InputError) throw new InputError(e.message, file, e.field);
    throw e;
  }
}
