Notice ${n(index)} of ${n(total)}. ${title}. ${body}<#if department?has_content> Issued by ${department}.</#if>
