/** The summary's pages and charts: the sans-serif CJK fonts of Windows and macOS, Noto CJK elsewhere (Debian's fonts-noto-cjk). */
export const SANS_FONT = '"Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif';
