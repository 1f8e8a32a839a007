<#-- Newest first, one per line: 11月20日 标题（发布部门） -->
<#list a.items() as n>
<#assign dept = f.name(n.department())>
${f.date(n.effective())} ${f.name(n.title())}<#if dept?has_content>（${dept}）</#if>
<#else>
暂无新的政策通知。
</#list>
