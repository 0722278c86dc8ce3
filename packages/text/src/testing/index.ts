export { textFixture } from './text-fixtures';
