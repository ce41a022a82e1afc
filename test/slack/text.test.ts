import { describe, expect, it } from "vitest";
import { escapeText, quoteBlock, slackToPlain } from "../../src/surfaces/slack/text.ts";

describe("Slack text", () => {
  it("turns Slack markup into what the person saw, dropping the bot's own mention", () => {
    expect(slackToPlain("<@UBOT> can <@U123|dana> take a gift?", "UBOT")).toBe("can @dana take a gift?");
    expect(slackToPlain("tell <!channel> and <!here|here> in <#C1|general>")).toBe("tell @channel and @here in #general");
    expect(slackToPlain("is 3 &lt; 5 &amp;&amp; 5 &gt; 3")).toBe("is 3 < 5 && 5 > 3");
    expect(slackToPlain("see <https://evil.example|https://intranet.example>")).toBe("see https://intranet.example (https://evil.example)");
    expect(slackToPlain("mail <mailto:a@b.example|a@b.example>")).toBe("mail a@b.example");
    expect(slackToPlain("<@UBOT>", "UBOT")).toBe("");
  });

  it("escapes &, < and > so echoed text can neither ping nor link", () => {
    expect(escapeText("<!channel> & <https://x|y>")).toBe("&lt;!channel&gt; &amp; &lt;https://x|y&gt;");
    expect(quoteBlock("a <b>\nc")).toBe(">a &lt;b&gt;\n>c");
  });
});
