<#if items?size == 0>暂时没有${crop}的技术指导。<#else>${crop}，${items[0].topic}。${items[0].text}</#if>
