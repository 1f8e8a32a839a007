<#-- Several things fit: one reply per candidate, ready to send back -->
<#assign kw = q?? ?then(f.keyword(q.intent()), "价格")>
"${a.input()}"有多个匹配，请回复其中一项：
<#list a.candidates() as c>
${kw} ${f.name(c.name())}
</#list>
