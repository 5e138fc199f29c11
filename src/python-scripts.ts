import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The Python files that run inside images, as shipped with the program, and the inliner that
 * turns a template script into the body of a RUN step. Reading the program's own files is the
 * only I/O here (like importing JSON); each file is read once.
 *
 * Each `new URL('<literal>', import.meta.url)` is what ncc recognises as an asset: it copies the
 * file into dist and rewrites the URL to its path there, so the same code reads src/ from source
 * and dist/ from the bundle. The smoke command writes check.py and gim_packages.py out
 * under their own names before mounting them: check.py imports gim_packages by name, and ncc may
 * rename what it copies.
 */

export type PythonFile = 'gim_packages.py' | 'check.py' | 'pin.py' | 'inventory.py';

function location(file: PythonFile): URL {
  switch (file) {
    case 'gim_packages.py':
      return new URL('./smoke/gim_packages.py', import.meta.url);
    case 'check.py':
      return new URL('./smoke/check.py', import.meta.url);
    case 'pin.py':
      return new URL('./template/pin.py', import.meta.url);
    case 'inventory.py':
      return new URL('./template/inventory.py', import.meta.url);
  }
}

const texts = new Map<PythonFile, string>();

/** A shipped Python file's text. */
export function pythonSource(file: PythonFile): string {
  let text = texts.get(file);
  if (text === undefined) {
    // A URL from source; in the bundle, ncc has made it a path string.
    const where: unknown = location(file);
    const at = where instanceof URL ? fileURLToPath(where) : String(where);
    try {
      text = readFileSync(at, 'utf8');
    } catch (err) {
      throw new Error(`the program's Python file ${file} is missing at ${at}; reinstall or rebuild the program`, { cause: err });
    }
    texts.set(file, text);
  }
  return text;
}

/** The smoke check and the helpers it imports: what the container gets, by file name. */
export const SMOKE_CHECK_FILES: readonly PythonFile[] = ['check.py', 'gim_packages.py'];

const HELPERS_IMPORT = /^from gim_packages import [^()\\\n]+\n/m;
/** the closing block, to the end of the file */
const MAIN_BLOCK = /\nif __name__ == "__main__":\n(?:[ \t]+.*\n|\n)*$/;

/**
 * A template script (pin.py, inventory.py) as one self-contained program for `python -`:
 * gim_packages.py, then the script without its helper import and its `__main__` block, then a
 * call of its main() with `params`: JSON text in a string literal (a JSON string literal is a
 * Python one), in ASCII, so the interpreter's idea of stdin's encoding does not matter. It is
 * meant for a quoted heredoc ending at `delimiter`, so no line may equal that.
 */
export function inlinePython(script: 'pin.py' | 'inventory.py', params: unknown, delimiter: string): string {
  const source = pythonSource(script);
  if (!HELPERS_IMPORT.test(source) || !MAIN_BLOCK.test(source)) {
    throw new Error(
      `${script} needs one line "from gim_packages import ..." and a closing 'if __name__ == "__main__":' block to be inlined`,
    );
  }
  const body = source.replace(HELPERS_IMPORT, '').replace(MAIN_BLOCK, '').trimEnd();
  const literal = JSON.stringify(asciiJson(params));
  const program = `${pythonSource('gim_packages.py').trimEnd()}\n\n\n${body}\n\n\nmain(json.loads(${literal}))`;
  if (program.split('\n').includes(delimiter)) throw new Error(`inlined ${script} has a line "${delimiter}", which would end its heredoc`);
  return program;
}

/**
 * JSON text with every non-ASCII character as a \uXXXX escape (they occur only inside strings):
 * json.loads reads it back the same, pairing surrogates, whatever the bytes of stdin were taken for.
 */
function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
