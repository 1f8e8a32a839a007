<#-- One item per line: 【水稻·病虫害】短信正文 -->
<#assign crop = f.name(a.crop().name())>
<#list a.items() as g>
<#assign text = g.smsText()?? ?then(f.name(g.smsText()), "")>
【${crop}·${f.name(g.topic())}】${text?has_content?then(text, f.name(g.text()))}
<#else>
暂无${crop}<#if a.topic()??>${a.topic()}</#if>的技术指导。回复"问 您的问题"咨询农技员。
</#list>
