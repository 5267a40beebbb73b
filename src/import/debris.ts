/**
 * What a web page wraps around a published report when it is saved as text: navigation,
 * font-size switches, view counters, share buttons, publication metadata, index-number blocks,
 * browser warnings, login links. Matched on the match form (see match-form.ts): half-width
 * punctuation, simplified characters.
 */
const DEBRIS: RegExp[] = [
  /字体(?:大小)?\s*[:：]?\s*[【[]?\s*(?:大\s*中\s*小)?|字号\s*[:：]/,
  /浏览次数|访问量|阅读量|点击数|浏览量|阅读次数|访问次数/,
  /分享到|扫一扫|微信扫|在手机(?:上)?打开|用手机浏览/,
  // A metadata label opens the line: 「来源:」「发布时间:」「[ 索引号 ]」「- 发布机构:」「• 文号」.
  /^[-•·*\s]*[【[]?\s*(?:发布日期|发布时间|发布机构|发文机关|信息来源|文章来源|来源|索引号|索引|主题分类|体裁分类|服务对象|关键词|发文字号|文号|备注\/文号|成文日期|生成日期|公文生成日期|公开方式|公开范围|有效性|信息类别|所属机构|作者|编辑|责任编辑|审核|日期)\s*(?:[\]】]|[:：]|$)/,
  /(?:当前位置|您的位置|您当前的位置|当前所在位置)\s*[:：]/,
  /^(?:首页|网站首页|主页)(?:\s*[>＞»›|/]|\s*$)/,
  // A breadcrumb: three or more short parts joined by 「>」.
  /^[^。,;]{0,30}(?:\s*[>»›]\s*[^。,;>»›]{1,20}){2,}$/,
  /打印本页|关闭窗口|【\s*打印\s*】|【\s*关闭\s*】|^打印$|^关闭$|相关附件|相关链接|上一篇|下一篇|返回顶部|收藏本页|加入收藏|原文链接|政策解读链接|点击查看/,
  /浏览器|极速模式|最佳体验|分辨率/,
  /用户登录|立即注册|登录\s*\|\s*注册|忘记密码|无障碍|长者模式|关怀版/,
  /^(?:通知公告|规划计划|政务公开|工作动态|政策文件|信息公开|文件通知|最新文件|专题专栏)$/,
  /^[•·]\s*\S{0,12}$/,
  /^[大中小]$/,
];

/** A line to drop: a known web-page element, or a line with no Chinese at all ("headerBg", "lsx31/2025-00001"). */
export function isDebris(line: string): boolean {
  if (!/[\u3400-\u9fff]/.test(line)) return true;
  return line.length <= 160 && DEBRIS.some((re) => re.test(line));
}

/** 「将镛委〔2025〕5号」: a document number on a line of its own. */
export function isDocumentNumber(line: string): boolean {
  return /^[\u4e00-\u9fff]{1,10}\s*[〔[【(（]\s*\d{4}\s*[〕\]】)）]\s*\d{1,4}\s*号$/.test(line);
}

/** 「市委、市政府:」「中共示例县委员会,示例县人民政府:」: the addressee (主送机关) before the text. */
export function isAddressee(line: string): boolean {
  return line.length <= 48 && /[:：]$/.test(line) && !/[。;；]/.test(line) && /(?:委|政府|委员会|办公室|局|厅|部|领导)[:：]$/.test(line);
}

/** The publisher and date a page's metadata lines name (「来源: 示例县人民政府」), for org and year hints. */
export function pageFact(line: string): { publisher?: string; published?: number } {
  const publisher = /(?:来源|发布机构|信息来源|发文机关)\s*[\]】]?\s*[:：]?\s*([\u4e00-\u9fff()（）]{2,30}?)(?=\s|$|日期|发布|[,，])/.exec(line)?.[1];
  const published = /(?:发布日期|发布时间|成文日期|生成日期|日期)\s*[\]】]?\s*[:：]?\s*((?:19|20)\d{2})\s*[-年/.]/.exec(line)?.[1];
  return {
    ...(publisher && !/网|本站|本网|门户|报社|新闻|电视|微信|公众号/.test(publisher) ? { publisher } : {}),
    ...(published ? { published: Number(published) } : {}),
  };
}
