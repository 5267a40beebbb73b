const ORG_SUFFIX = /(?:人民政府|办事处|委员会|政府|局|办公室)$/;

/** The reporting body: the title before its year, else the signature's government. */
export function orgOf(title: string | undefined, signature: string[]): string | undefined {
  const fromTitle = title?.replace(/\s+/g, '').replace(/(?:(?:19|20)\d{2}\s*年度?)?(?:法治政府建设|推进法治政府建设|法治建设).*$/, '').replace(/(?:19|20)\d{2}\s*年度?$/, '').replace(/关于$/, '');
  if (fromTitle && ORG_SUFFIX.test(fromTitle)) return fromTitle;
  return signature.find((s) => /人民政府|办事处/.test(s)) ?? signature.find((s) => ORG_SUFFIX.test(s)) ?? (fromTitle || undefined);
}

/** The report year: the title's, else the year before the 成文日期. */
export function yearOf(title: string | undefined, date: string | undefined): number | undefined {
  const inTitle = title ? /((?:19|20)\d{2})\s*年/.exec(title)?.[1] : undefined;
  return inTitle ? Number(inTitle) : date ? Number(date.slice(0, 4)) - 1 : undefined;
}
