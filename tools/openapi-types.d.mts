/** Types of tools/openapi-types.mjs, for the tests that import it. */
export declare const TYPES_FILE: string;
export declare function typesOf(document: unknown): Promise<string>;
export declare function servedDocument(): Promise<Record<string, unknown>>;
