<#-- One item per line: [Rice - pests] SMS text -->
<#assign crop = f.name(a.crop().name())>
<#list a.items() as g>
<#assign text = g.smsText()?? ?then(f.name(g.smsText()), "")>
[${crop} - ${f.name(g.topic())}] ${text?has_content?then(text, f.name(g.text()))}
<#else>
No guidance for ${crop}<#if a.topic()??> on ${a.topic()}</#if> yet. Reply ASK and your question for an officer.
</#list>
