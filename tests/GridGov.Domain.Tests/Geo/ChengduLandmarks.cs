namespace GridGov.Domain.Tests.Geo;

/// <summary>
/// Ten well-known places of Chengdu, each at least 500 m inside its district, with where its position comes from.
/// Shared by the outline tests and the routing tests of the seeded city (domain and web; linked into the web tests).
/// </summary>
public static class ChengduLandmarks
{
    // WGS-84 longitude, latitude and where each comes from. Wikipedia coordinates are meant to be WGS-84; some cite
    // Google Maps, whose map layer in China is GCJ-02, so they may carry the ≈ 350 m offset: the 500 m margin covers it.
    public static readonly IReadOnlyList<(string Name, double Lon, double Lat, string District)> All =
    [
        // en.wikipedia "Qingyang, Chengdu" infobox (read on a mirror, review.clateway.com), 30.6854 N 103.9929 E.
        // (天府广场, 30.6575 N 104.0658 E on ru.wikipedia via perceptiopt.com, lies within 150 m of the 锦江区/青羊区
        // line and is not used.)
        ("青羊区 (district infobox point)", 103.9929, 30.6854, "青羊区"),
        // en.wikipedia "Jinjiang, Chengdu" infobox, 30.6083 N 104.1158 E (no WGS-84 source was found for 春熙路).
        ("锦江区 (district infobox point)", 104.1158, 30.6083, "锦江区"),
        // en.wikipedia "Chengdu East railway station", 30.6311 N 104.1390 E.
        ("成都东站", 104.1390, 30.6311, "成华区"),
        // en.wikipedia "Sichuan Gymnasium station" (metro; read on a mirror, sagapedia.com), 30.6326 N 104.06111 E
        // (used for 武侯区: no WGS-84 source was found for 武侯祠).
        ("省体育馆站", 104.06111, 30.6326, "武侯区"),
        // en.wikipedia "Chengdu Shuangliu International Airport", 30.57833 N 103.94694 E.
        ("双流国际机场", 103.94694, 30.57833, "双流区"),
        // Wikipedia "Dujiangyan Irrigation System" (the World Heritage site's point; read on mirrors, piglix.com and
        // hmong.in.th), 31.00167 N 103.60528 E.
        ("都江堰水利工程", 103.60528, 31.00167, "都江堰市"),
        // Wikipedia "Longquanyi, Chengdu" infobox (read on a mirror, hmong.in.th), 30.5900 N 104.3066 E.
        ("龙泉驿区 (district infobox point)", 104.3066, 30.5900, "龙泉驿区"),
        // en.wikipedia "Pidu, Chengdu" infobox, 30.805 N 103.881 E.
        ("郫都区 (district infobox point)", 103.881, 30.805, "郫都区"),
        // 成都欢乐谷: AMap's GCJ-02 position 104.034720, 30.721467 (as geocoded to "四川省成都市金牛区西华街道成都
        // 欢乐谷" in an AMap demo in a public repository), converted here. 成都站 (30.69917 N 104.07083 E, en.wikipedia "Chengdu
        // railway station") is in 金牛区 too, but only ≈ 110 m from its edge, so it is not used.
        ("成都欢乐谷", 104.032297, 30.723927, "金牛区"),
        // en.wikipedia "Wenjiang District" infobox (read on mirrors, wikiclassic.com and nzt.eth.link),
        // 30.6854 N 103.8325 E.
        ("温江区 (district infobox point)", 103.8325, 30.6854, "温江区"),
    ];
}
