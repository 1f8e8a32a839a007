<#-- One line per market, nearest first: Maize Baishazhou 1.25 yuan/kg +0.03 (Nov 22) -->
<#assign name = f.name(a.commodity().name())>
<#list a.rows() as r>
<#assign c = f.change(r)>
${name} ${f.market(r.market())} ${f.money(r.avg())}${f.unit(a.commodity(), r)}<#if c?has_content> ${c}</#if> (${f.date(r.date())})
<#else>
No recent prices for ${name}. Reply HELP for the menu.
</#list>
