/** protobufjs' Writer on its own (`src/writer.js`, CommonJS: `module.exports = Writer`). */
declare module 'protobufjs/src/writer.js' {
  import type { Writer } from 'protobufjs';
  const WriterClass: typeof Writer;
  export default WriterClass;
}
