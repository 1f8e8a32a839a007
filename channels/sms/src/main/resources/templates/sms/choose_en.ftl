<#-- Several things fit: one reply per candidate, ready to send back -->
<#assign kw = q?? ?then(f.keyword(q.intent()), "PRICE")>
"${a.input()}" matches several. Reply one of:
<#list a.candidates() as c>
${kw} ${f.name(c.name())}
</#list>
