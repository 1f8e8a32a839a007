<#-- Newest first, one per line: Nov 20 Title (department) -->
<#list a.items() as n>
<#assign dept = f.name(n.department())>
${f.date(n.effective())} ${f.name(n.title())}<#if dept?has_content> (${dept})</#if>
<#else>
No notices in force.
</#list>
