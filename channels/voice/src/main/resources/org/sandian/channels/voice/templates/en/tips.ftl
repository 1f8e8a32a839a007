<#if items?size == 0>There is no advice for ${crop} yet.<#else>${crop}, ${items[0].topic}. ${items[0].text}</#if>
