// Stands in for long.js in the build (vite.config.ts `noLong`): protobufjs then uses plain numbers.
export default null;
