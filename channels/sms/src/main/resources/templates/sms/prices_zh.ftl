<#-- One line per market, nearest first: 玉米 白沙洲 1.25元/公斤 ↑0.03 (11月22日) -->
<#assign name = f.name(a.commodity().name())>
<#list a.rows() as r>
<#assign c = f.change(r)>
${name} ${f.market(r.market())} ${f.money(r.avg())}${f.unit(a.commodity(), r)}<#if c?has_content> ${c}</#if> (${f.date(r.date())})
<#else>
暂无${name}的近期价格。回复"帮助"看菜单。
</#list>
