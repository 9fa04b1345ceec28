# language: zh-CN
功能: 2005年《电子认证服务管理办法》——曾经施行、本工具未编入的规定

  场景: 2008年6月1日无法判断电子认证服务机构是否合规
    假如 2008-06-01 有效的法律
    而且 机构概况 "corpus/ca-profiles/national-ca.yaml"
    当 进行检查
    那么 规则 "MEASURES-2005-NOT-ENCODED" 无法判定
    而且 规则 "MEASURES-2005-NOT-ENCODED" 的结论说明 "施行的是《2005年管理办法》"
    而且 不符合

  场景: 2009年3月31日之后该办法不再施行
    假如 2010-01-01 有效的法律
    而且 机构概况 "corpus/ca-profiles/national-ca.yaml"
    当 进行检查
    那么 规则 "MEASURES-2005-NOT-ENCODED" 未生效
