/** The outline profiles shipped in schemas/profiles/ (a tiny module: the CLI lists them at start-up). */
export const BUILTIN_PROFILES = ['national', 'gangyao-2021'] as const;
