<#if rows?size == 0>${name}最近没有价格报告。<#else>${name}最新价格。
<#list rows as r>${r.market}，${n(r.month)}月${n(r.day)}日，均价${n(r.avg)}${r.unit}，最低${n(r.min)}，最高${n(r.max)}<#if r.change??><#if r.trend == "up">，比上次涨${n(r.change)}<#elseif r.trend == "down">，比上次跌${n(r.change)}<#else>，与上次持平</#if></#if>。
</#list></#if>
