第${n(index)}条，共${n(total)}条。${title}。${body}<#if department?has_content>发布单位：${department}。</#if>
