<#if rows?size == 0>There are no recent prices for ${name}.<#else>Latest prices for ${name}.
<#list rows as r>${r.market}, ${r.monthName} ${n(r.day)}: average ${n(r.avg)} ${r.unit}, low ${n(r.min)}, high ${n(r.max)}<#if r.change??><#if r.trend == "up">, up ${n(r.change)}<#elseif r.trend == "down">, down ${n(r.change)}<#else>, unchanged</#if></#if>.
</#list></#if>
