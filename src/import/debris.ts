/**
 * What a web page wraps around a published report when it is saved as text: navigation,
 * font-size switches, view counters, share buttons, publication metadata.
 */
const DEBRIS: RegExp[] = [
  /字体[:：]?\s*[【[]?\s*(?:大\s*中\s*小)?/,
  /浏览次数|访问量|阅读量|点击数|浏览量|阅读次数/,
  /分享到/,
  /^[【[]?\s*(?:发布日期|发布时间|发布机构|信息来源|文章来源|来源|索引号|主题分类|发文字号)\s*[:：]/,
  /(?:当前位置|您的位置|您当前的位置)\s*[:：]/,
  /^(?:首页|网站首页|主页)(?:\s*[>＞»›|]|\s*$)/,
  /打印本页|关闭窗口|【打印】|【关闭】|扫一扫|相关附件|相关链接|上一篇|下一篇|返回顶部|收藏本页|用手机浏览/,
];

/** A line to drop: a known web-page element, or a short line with no Chinese at all ("headerBg"). */
export function isDebris(line: string): boolean {
  if (!/[\u3400-\u9fff]/.test(line)) return true;
  return line.length <= 120 && DEBRIS.some((re) => re.test(line));
}
