import { join } from 'node:path';
import { register } from 'tsconfig-paths';
import { compilerOptions } from '../../../tsconfig.base.json';

/**
 * Jest resolves workspace aliases for test files through its resolver, but global setup and teardown
 * are loaded with plain `require`; this teaches Node the same aliases.
 */
register({ baseUrl: join(__dirname, '../../..'), paths: compilerOptions.paths });
