/**
 * Page furniture of government portals — navigation, breadcrumbs, share bars, print and close
 * buttons, font-size switches, copyright footers — recognised by the class or id the CMS gives
 * its container, or by text that is nothing but furniture.
 */

/** Class or id words of furniture containers (TRS, Hanweb, UEditor templates and common themes). */
const FURNITURE_NAME = new RegExp(
  "(?:^|[-_\\s])(?:" +
    [
      "footer",
      "foot",
      "nav",
      "navbar",
      "menu",
      "breadcrumbs?",
      "crumbs?",
      "share",
      "bdshare\\w*",
      "jiathis\\w*",
      "copyright",
      "sidebar",
      "topbar",
      "position",
      "location",
      "weizhi",
      "dqwz",
      "print",
      "dayin",
      "guanbi",
      "fenxiang",
      "close-?btn",
    ].join("|") +
    ")(?:[-_\\s]|$)",
  "i",
);

export function isFurnitureName(classAndId: string): boolean {
  return FURNITURE_NAME.test(classAndId);
}

/** A button or link label: 【打印本页】 [关闭窗口] 字号：大 中 小 …, in brackets or not. */
const BUTTON = String.raw`(?:打印本页|打印此页|打印正文|打印|关闭窗口|关闭本页|关闭|返回顶部|回到顶部|返回|收藏本页|加入收藏|收藏|分享到[:：]?|分享|字号[:：]?\s*[大中小\s]*|字体[:：]?\s*[大中小\s]*|[大中小]|扫一扫|在手机上打开|微信|微博|QQ空间)`;
const BUTTONS_ONLY = new RegExp(
  String.raw`^(?:[\s|｜·•/／]*[【\[〖（(]?\s*${BUTTON}\s*[】\]〗）)]?)+[\s|｜·•/／]*$`,
);
/** Lines that begin as furniture whatever follows: breadcrumbs, previous/next links, view counters. */
const FURNITURE_LINE =
  /^(?:(?:当前位置|您的位置|你的位置|您现在的位置|你现在的位置|所在位置)\s*[:：]|首页\s*(?:>|&gt;|»|›|＞|→)|上一篇\s*[:：]|下一篇\s*[:：]|【?\s*(?:浏览|访问|阅读|点击)(?:次数|量)\s*[:：])/;
/** The article's info line: date, source, view counter (a short line; report text never opens so). */
const INFO_LINE =
  /^(?:发布时间|发布日期|信息来源|来源|浏览次数|访问次数|点击数|阅读次数|作者|责任编辑|编辑)\s*[:：]/;
const MAX_INFO_LINE = 120;
/** Site footers: registration and site identification numbers. */
const FOOTER = /(?:ICP备|网站标识码|公网安备|政府网站找错|技术支持\s*[:：])/;

/** Whether a paragraph of the page is furniture, not report text. */
export function isFurnitureText(text: string): boolean {
  return (
    BUTTONS_ONLY.test(text) ||
    FURNITURE_LINE.test(text) ||
    FOOTER.test(text) ||
    (text.length <= MAX_INFO_LINE && INFO_LINE.test(text))
  );
}
