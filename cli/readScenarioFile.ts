import { InputError } from '../src/errors.js';
import { readTextFile } from '../src/io/readFiles.js';
import { parseJsonText } from '../src/io/parseJsonText.js';
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
  const json = parseJsonText(await readTextFile(file), file);
  try {
    return parseScenario(json);
  } catch (e) {
    if (e instanceof InputError) throw e.rewrite({ file });
    throw e;
  }
}
