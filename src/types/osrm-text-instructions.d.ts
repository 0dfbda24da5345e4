// Types for osrm-text-instructions (a CommonJS package without its own), as binroute uses it.
declare module 'osrm-text-instructions' {
  interface Compiler {
    compile(language: string, step: unknown, options?: { legCount?: number; legIndex?: number; waypointName?: string }): string;
  }
  function osrmTextInstructions(version: 'v5'): Compiler;
  export default osrmTextInstructions;
}
