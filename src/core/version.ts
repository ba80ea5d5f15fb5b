/** Version of the engines (the code); the knowledge carries its own version and hash. */
export const ENGINE_VERSION = '0.3.0';
