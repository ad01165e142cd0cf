// Project-written gazetteer tables (see gazetteer_tables.h for the columns). Coordinates of
// regions, rivers and seas are representative points (a central or defining town, or roughly the
// centroid), chosen the way the gold sets do; they are not shapes.
#include "gazetteer_tables.h"

namespace pk::geo::tables {

const std::string_view kAdmin1 = R"(# Germany: Bundesländer
DE;01;Baden-Württemberg|Ba-Wü;Baden-Wurttemberg;BW|B.-W.
DE;02;Bayern|Freistaat Bayern;Bavaria;BY
DE;16;Berlin|Land Berlin;Berlin;BE
DE;11;Brandenburg|Land Brandenburg;Brandenburg;BB
DE;03;Bremen|Land Bremen|Freie Hansestadt Bremen;Bremen;HB
DE;04;Hamburg|Freie und Hansestadt Hamburg;Hamburg;HH
DE;05;Hessen|Land Hessen;Hesse;HE
DE;12;Mecklenburg-Vorpommern|Meck-Pomm;Mecklenburg-Western Pomerania|Mecklenburg-Vorpommern;MV|M-V
DE;06;Niedersachsen|Land Niedersachsen;Lower Saxony;NI|NDS|Nds.
DE;07;Nordrhein-Westfalen|Land Nordrhein-Westfalen;North Rhine-Westphalia|North Rhine Westphalia;NRW|NW
DE;08;Rheinland-Pfalz|Land Rheinland-Pfalz;Rhineland-Palatinate;RLP|RP
DE;09;Saarland;Saarland;SL
DE;13;Sachsen|Freistaat Sachsen;Saxony;SN
DE;14;Sachsen-Anhalt|Land Sachsen-Anhalt;Saxony-Anhalt;ST|LSA
DE;10;Schleswig-Holstein|Land Schleswig-Holstein;Schleswig-Holstein;SH
DE;15;Thüringen|Freistaat Thüringen;Thuringia;TH
# Austria: Bundesländer
AT;01;Burgenland;Burgenland;Bgld.
AT;02;Kärnten;Carinthia;Ktn.
AT;03;Niederösterreich;Lower Austria;NÖ
AT;04;Oberösterreich;Upper Austria;OÖ
AT;05;Salzburg|Land Salzburg;Salzburg;Sbg.
AT;06;Steiermark;Styria;Stmk.
AT;07;Tirol;Tyrol;
AT;08;Vorarlberg;Vorarlberg;Vbg.
AT;09;Wien;Vienna;
# Switzerland: Kantone
CH;AG;Aargau|Kanton Aargau;Aargau;AG
CH;AI;Appenzell Innerrhoden;Appenzell Innerrhoden;AI
CH;AR;Appenzell Ausserrhoden;Appenzell Ausserrhoden;AR
CH;BE;Bern|Kanton Bern;Bern|Berne;BE
CH;BL;Basel-Landschaft|Baselland;Basel-Country|Basel-Landschaft;BL
CH;BS;Basel-Stadt;Basel-City|Basel-Stadt;BS
CH;FR;Freiburg|Kanton Freiburg;Fribourg;FR
CH;GE;Genf|Kanton Genf;Geneva;GE
CH;GL;Glarus|Kanton Glarus;Glarus;GL
CH;GR;Graubünden|Kanton Graubünden;Grisons|Graubunden;GR
CH;JU;Jura|Kanton Jura;Jura;JU
CH;LU;Luzern|Kanton Luzern;Lucerne;LU
CH;NE;Neuenburg|Kanton Neuenburg;Neuchâtel;NE
CH;NW;Nidwalden;Nidwalden;NW
CH;OW;Obwalden;Obwalden;OW
CH;SG;St. Gallen|Sankt Gallen|Kanton St. Gallen;St. Gallen|Saint Gall;SG
CH;SH;Schaffhausen|Kanton Schaffhausen;Schaffhausen;SH
CH;SO;Solothurn|Kanton Solothurn;Solothurn;SO
CH;SZ;Schwyz|Kanton Schwyz;Schwyz;SZ
CH;TG;Thurgau;Thurgau;TG
CH;TI;Tessin;Ticino;TI
CH;UR;Uri;Uri;UR
CH;VD;Waadt;Vaud;VD
CH;VS;Wallis;Valais;VS
CH;ZG;Zug|Kanton Zug;Zug;ZG
CH;ZH;Zürich|Kanton Zürich;Zurich;ZH
# United Kingdom: nations
GB;ENG;England;England;
GB;SCT;Schottland;Scotland;
GB;WLS;Wales;Wales;
GB;NIR;Nordirland;Northern Ireland;
# United States
US;AL;Alabama;Alabama;AL|Ala.
US;AK;Alaska;Alaska;AK
US;AZ;Arizona;Arizona;AZ|Ariz.
US;AR;Arkansas;Arkansas;AR|Ark.
US;CA;Kalifornien;California;CA|Calif.|Cal.
US;CO;Colorado;Colorado;CO|Colo.
US;CT;Connecticut;Connecticut;CT|Conn.
US;DE;Delaware;Delaware;Del.
US;DC;Washington, D.C.|District of Columbia;Washington, D.C.|District of Columbia;D.C.
US;FL;Florida;Florida;FL|Fla.
US;GA;Georgia;Georgia;GA|Ga.
US;HI;Hawaii;Hawaii;HI
US;ID;Idaho;Idaho;ID
US;IL;Illinois;Illinois;IL|Ill.
US;IN;Indiana;Indiana;Ind.
US;IA;Iowa;Iowa;IA
US;KS;Kansas;Kansas;KS|Kan.|Kans.
US;KY;Kentucky;Kentucky;KY|Ky.
US;LA;Louisiana;Louisiana;La.
US;ME;Maine;Maine;
US;MD;Maryland;Maryland;MD|Md.
US;MA;Massachusetts;Massachusetts;MA|Mass.
US;MI;Michigan;Michigan;MI|Mich.
US;MN;Minnesota;Minnesota;MN|Minn.
US;MS;Mississippi;Mississippi;MS|Miss.
US;MO;Missouri;Missouri;MO|Mo.
US;MT;Montana;Montana;MT|Mont.
US;NE;Nebraska;Nebraska;Neb.|Nebr.
US;NV;Nevada;Nevada;NV|Nev.
US;NH;New Hampshire;New Hampshire;NH|N.H.
US;NJ;New Jersey;New Jersey;NJ|N.J.
US;NM;New Mexico|Neumexiko;New Mexico;NM|N.M.|N.Mex.
US;NY;New York|Bundesstaat New York;New York State|State of New York|New York;NY|N.Y.
US;NC;North Carolina|Nord-Carolina|Nordcarolina;North Carolina;NC|N.C.
US;ND;North Dakota|Norddakota|Nord-Dakota;North Dakota;ND|N.D.|N.Dak.
US;OH;Ohio;Ohio;
US;OK;Oklahoma;Oklahoma;Okla.
US;OR;Oregon;Oregon;Ore.|Oreg.
US;PA;Pennsylvania|Pennsylvanien;Pennsylvania;PA|Pa.|Penn.
US;RI;Rhode Island;Rhode Island;RI|R.I.
US;SC;South Carolina|Süd-Carolina|Südcarolina;South Carolina;SC|S.C.
US;SD;South Dakota|Süddakota|Süd-Dakota;South Dakota;SD|S.D.|S.Dak.
US;TN;Tennessee;Tennessee;TN|Tenn.
US;TX;Texas;Texas;TX|Tex.
US;UT;Utah;Utah;UT
US;VT;Vermont;Vermont;VT|Vt.
US;VA;Virginia;Virginia;VA|Va.
US;WA;Washington|Bundesstaat Washington;Washington State|Washington;WA|Wash.
US;WV;West Virginia;West Virginia;WV|W.Va.|W. Va.
US;WI;Wisconsin;Wisconsin;WI|Wis.|Wisc.
US;WY;Wyoming;Wyoming;WY|Wyo.
# Canada: provinces and territories (GeoNames admin1 codes)
CA;01;Alberta;Alberta;Alta.
CA;02;Britisch-Kolumbien|British Columbia;British Columbia;B.C.
CA;03;Manitoba;Manitoba;
CA;04;New Brunswick|Neubraunschweig;New Brunswick;N.B.
CA;05;Neufundland und Labrador|Neufundland;Newfoundland and Labrador|Newfoundland;
CA;07;Nova Scotia|Neuschottland;Nova Scotia;
CA;08;Ontario;Ontario;Ont.
CA;09;Prinz-Edward-Insel;Prince Edward Island;P.E.I.|PEI
CA;10;Québec|Quebec;Quebec|Québec;Que.
CA;11;Saskatchewan;Saskatchewan;Sask.
CA;12;Yukon;Yukon|Yukon Territory;
CA;13;Nordwest-Territorien;Northwest Territories;N.W.T.|NWT
CA;14;Nunavut;Nunavut;
# Australia: states and territories
AU;01;Australisches Hauptstadtterritorium;Australian Capital Territory;
AU;02;New South Wales|Neusüdwales;New South Wales;NSW|N.S.W.
AU;03;Northern Territory|Nordterritorium;Northern Territory;
AU;04;Queensland;Queensland;Qld|QLD
AU;05;South Australia|Südaustralien;South Australia;
AU;06;Tasmanien;Tasmania;Tas.
AU;07;Victoria;Victoria;
AU;08;Western Australia|Westaustralien;Western Australia;
# India: states and union territories
IN;01;Andamanen und Nikobaren;Andaman and Nicobar Islands;
IN;02;Andhra Pradesh;Andhra Pradesh;
IN;03;Assam;Assam;
IN;05;Chandigarh;Chandigarh;
IN;07;Delhi|Neu-Delhi;Delhi|National Capital Territory of Delhi;
IN;09;Gujarat;Gujarat;
IN;10;Haryana;Haryana;
IN;11;Himachal Pradesh;Himachal Pradesh;
IN;12;Jammu und Kashmir;Jammu and Kashmir|Jammu & Kashmir;
IN;13;Kerala;Kerala;
IN;16;Maharashtra;Maharashtra;
IN;17;Manipur;Manipur;
IN;18;Meghalaya;Meghalaya;
IN;19;Karnataka;Karnataka;
IN;20;Nagaland;Nagaland;
IN;21;Odisha|Orissa;Odisha|Orissa;
IN;23;Punjab;Punjab;
IN;24;Rajasthan;Rajasthan;
IN;25;Tamil Nadu;Tamil Nadu;
IN;26;Tripura;Tripura;
IN;28;Westbengalen;West Bengal;
IN;29;Sikkim;Sikkim;
IN;30;Arunachal Pradesh;Arunachal Pradesh;
IN;31;Mizoram;Mizoram;
IN;33;Goa;Goa;
IN;34;Bihar;Bihar;
IN;35;Madhya Pradesh;Madhya Pradesh;
IN;36;Uttar Pradesh;Uttar Pradesh;
IN;37;Chhattisgarh;Chhattisgarh;
IN;38;Jharkhand;Jharkhand;
IN;39;Uttarakhand;Uttarakhand;
IN;40;Telangana;Telangana;
IN;41;Ladakh;Ladakh;
# Pakistan: provinces
PK;02;Belutschistan;Balochistan|Baluchistan;
PK;03;Khyber Pakhtunkhwa;Khyber Pakhtunkhwa;
PK;04;Punjab;Punjab;
PK;05;Sindh;Sindh;
# China: provinces and autonomous regions (the four municipalities are cities already)
CN;01;Anhui;Anhui;
CN;02;Zhejiang;Zhejiang;
CN;03;Jiangxi;Jiangxi;
CN;04;Jiangsu;Jiangsu;
CN;05;Jilin;Jilin;
CN;06;Qinghai;Qinghai;
CN;07;Fujian;Fujian;
CN;08;Heilongjiang;Heilongjiang;
CN;09;Henan;Henan;
CN;10;Hebei;Hebei;
CN;11;Hunan;Hunan;
CN;12;Hubei;Hubei;
CN;13;Xinjiang;Xinjiang;
CN;14;Tibet;Tibet;
CN;15;Gansu;Gansu;
CN;16;Guangxi;Guangxi;
CN;18;Guizhou;Guizhou;
CN;19;Liaoning;Liaoning;
CN;20;Innere Mongolei;Inner Mongolia;
CN;21;Ningxia;Ningxia;
CN;24;Shanxi;Shanxi;
CN;25;Shandong;Shandong;
CN;26;Shaanxi;Shaanxi;
CN;29;Yunnan;Yunnan;
CN;30;Guangdong;Guangdong;
CN;31;Hainan;Hainan;
CN;32;Sichuan;Sichuan;
# Mexico: states (Mexico City is a city already; the State of Mexico only by its full name)
MX;01;Aguascalientes;Aguascalientes;
MX;02;Niederkalifornien|Baja California;Baja California;
MX;03;Baja California Sur;Baja California Sur;
MX;04;Campeche;Campeche;
MX;05;Chiapas;Chiapas;
MX;06;Chihuahua;Chihuahua;
MX;07;Coahuila;Coahuila;
MX;08;Colima;Colima;
MX;10;Durango;Durango;
MX;11;Guanajuato;Guanajuato;
MX;12;Guerrero;Guerrero;
MX;13;Hidalgo;Hidalgo;
MX;14;Jalisco;Jalisco;
MX;15;Bundesstaat México|Estado de México;State of Mexico|Estado de México;
MX;16;Michoacán;Michoacán|Michoacan;
MX;17;Morelos;Morelos;
MX;18;Nayarit;Nayarit;
MX;19;Nuevo León;Nuevo León|Nuevo Leon;
MX;20;Oaxaca;Oaxaca;
MX;21;Puebla;Puebla;
MX;22;Querétaro;Querétaro|Queretaro;
MX;23;Quintana Roo;Quintana Roo;
MX;24;San Luis Potosí;San Luis Potosí;
MX;25;Sinaloa;Sinaloa;
MX;26;Sonora;Sonora;
MX;27;Tabasco;Tabasco;
MX;28;Tamaulipas;Tamaulipas;
MX;29;Tlaxcala;Tlaxcala;
MX;30;Veracruz;Veracruz;
MX;31;Yucatán;Yucatán|Yucatan;
MX;32;Zacatecas;Zacatecas;
# Brazil: states (Amazonas, Pará and Acre left out: river / common words)
BR;02;Alagoas;Alagoas;
BR;03;Amapá;Amapá;
BR;05;Bahia;Bahia;
BR;06;Ceará;Ceará;
BR;07;Distrito Federal;Federal District;
BR;08;Espírito Santo;Espírito Santo;
BR;11;Mato Grosso do Sul;Mato Grosso do Sul;
BR;13;Maranhão;Maranhão;
BR;14;Mato Grosso;Mato Grosso;
BR;15;Minas Gerais;Minas Gerais;
BR;17;Paraíba;Paraíba;
BR;18;Paraná;Paraná;
BR;20;Piauí;Piauí;
BR;21;Rio de Janeiro;Rio de Janeiro;
BR;22;Rio Grande do Norte;Rio Grande do Norte;
BR;23;Rio Grande do Sul;Rio Grande do Sul;
BR;24;Rondônia;Rondônia;
BR;25;Roraima;Roraima;
BR;26;Santa Catarina;Santa Catarina;
BR;27;São Paulo;São Paulo;
BR;28;Sergipe;Sergipe;
BR;29;Goiás;Goiás;
BR;30;Pernambuco;Pernambuco;
BR;31;Tocantins;Tocantins;
)";

const std::string_view kContinents = R"(Europe;Europa;Europe;48.69096;9.14062;745000000
Asia;Asien;Asia;29.84064;89.29688;4700000000
Africa;Afrika;Africa;7.18805;21.09375;1400000000
North America;Nordamerika;North America;46.07323;-100.54688;600000000
South America;Südamerika|Lateinamerika;South America|Latin America;-14.60485;-57.65625;430000000
America;Amerika;the Americas|Americas;19.0;-80.0;1030000000
Oceania;Ozeanien|Australien und Ozeanien;Oceania;-18.31281;138.51563;45000000
Antarctica;Antarktis|Antarktika;Antarctica;-78.15856;16.40626;0
)";

const std::string_view kRegions = R"(# German landscapes and regions (representative town in comments)
Sauerland;Sauerland;region;RGN;DE;07;51.25;8.15
Eifel;Eifel;region;MTS;DE;08;50.30;6.70
Allgäu;Allgau|Allgäu;region;RGN;DE;02;47.73;10.31
Ruhrgebiet|Ruhrpott;Ruhr|Ruhr area|Ruhr valley;region;RGN;DE;07;51.48;7.22
Harz;Harz;region;MTS;DE;;51.75;10.62
Lausitz;Lusatia;region;RGN;DE;11;51.76;14.33
Niederlausitz;Lower Lusatia;region;RGN;DE;11;51.76;14.33
Oberlausitz;Upper Lusatia;region;RGN;DE;13;51.18;14.42
Franken;Franconia;region;RGN;DE;02;49.45;11.08
Unterfranken;Lower Franconia;region;RGN;DE;02;49.79;9.95
Oberfranken;Upper Franconia;region;RGN;DE;02;49.95;11.58
Mittelfranken;Middle Franconia;region;RGN;DE;02;49.30;10.57
Oberbayern;Upper Bavaria;region;RGN;DE;02;48.14;11.58
Niederbayern;Lower Bavaria;region;RGN;DE;02;48.54;12.15
Oberpfalz;Upper Palatinate;region;RGN;DE;02;49.02;12.10
Ostfriesland;East Frisia;region;RGN;DE;06;53.47;7.48
Vogtland;Vogtland;region;RGN;DE;13;50.50;12.14
Rhön;Rhon|Rhön;region;MTS;DE;05;50.50;9.94
Schwarzwald;Black Forest;region;MTS;DE;01;48.30;8.20
Erzgebirge;Ore Mountains;region;MTS;DE;13;50.58;13.00
Bayerischer Wald;Bavarian Forest;region;MTS;DE;02;49.02;13.23
Thüringer Wald;Thuringian Forest;region;MTS;DE;15;50.65;10.80
Spreewald;Spreewald;region;RGN;DE;11;51.87;13.96
Odenwald;Odenwald;region;MTS;DE;05;49.65;8.95
Taunus;Taunus;region;MTS;DE;05;50.23;8.45
Westerwald;Westerwald;region;MTS;DE;08;50.44;7.83
Hunsrück;Hunsruck|Hunsrück;region;MTS;DE;08;49.95;7.30
Pfalz;Palatinate;region;RGN;DE;08;49.35;8.14
Wetterau;Wetterau;region;RGN;DE;05;50.33;8.75
Münsterland;Munsterland|Münsterland;region;RGN;DE;07;51.96;7.63
Ostwestfalen-Lippe|Ostwestfalen|OWL;East Westphalia-Lippe;region;RGN;DE;07;52.02;8.53
Niederrhein;Lower Rhine;region;RGN;DE;07;51.66;6.62
Bergisches Land;Bergisches Land;region;RGN;DE;07;51.26;7.15
Siegerland;Siegerland;region;RGN;DE;07;50.87;8.02
Altmark;Altmark;region;RGN;DE;14;52.60;11.86
Lüneburger Heide;Luneburg Heath|Lüneburg Heath;region;RGN;DE;06;52.98;9.84
Altes Land;Altes Land;region;RGN;DE;06;53.53;9.68
Rheingau;Rheingau;region;RGN;DE;05;50.00;8.05
Breisgau;Breisgau;region;RGN;DE;01;47.99;7.85
Bodenseeregion;Lake Constance region;region;RGN;DE;01;47.66;9.48
Ammergauer Alpen;Ammergau Alps;region;MTS;DE;02;47.55;10.95
Fichtelgebirge;Fichtel Mountains;region;MTS;DE;02;50.05;11.85
Sächsische Schweiz;Saxon Switzerland;region;RGN;DE;13;50.92;14.15
Uckermark;Uckermark;region;RGN;DE;11;53.12;13.86
Vorpommern;Western Pomerania;region;RGN;DE;12;54.09;13.38
Rügen;Rugen|Rügen;region;ISL;DE;12;54.42;13.43
Usedom;Usedom;region;ISL;DE;12;53.95;14.00
Sylt;Sylt;region;ISL;DE;10;54.90;8.33
Föhr;Fohr|Föhr;region;ISL;DE;10;54.72;8.50
Fehmarn;Fehmarn;region;ISL;DE;10;54.45;11.15
Helgoland;Heligoland;region;ISL;DE;10;54.18;7.89
Alpen;Alps;region;MTS;;;46.50;10.00
# Rivers, lakes, seas (kind other): a point on the stretch most news refers to
Rhein;Rhine;other;STM;DE;;50.36;7.60
Main;Main;other;STM;DE;05;50.11;8.68
Elbe;Elbe;other;STM;DE;;52.13;11.63
Donau;Danube;other;STM;DE;02;49.02;12.10
Weser;Weser;other;STM;DE;03;53.08;8.80
Mosel;Moselle;other;STM;DE;08;50.15;7.17
Neckar;Neckar;other;STM;DE;01;48.78;9.18
Oder;Oder;other;STM;DE;11;52.35;14.55
Havel;Havel;other;STM;DE;11;52.40;13.06
Spree;Spree;other;STM;DE;16;52.52;13.40
Saale;Saale;other;STM;DE;14;51.48;11.97
Isar;Isar;other;STM;DE;02;48.14;11.58
Inn;Inn;other;STM;AT;07;47.26;11.39
Lahn;Lahn;other;STM;DE;05;50.58;8.67
Ems;Ems;other;STM;DE;06;52.52;7.32
Bodensee;Lake Constance;other;LK;DE;01;47.63;9.38
Chiemsee;Chiemsee;other;LK;DE;02;47.87;12.43
Starnberger See;Lake Starnberg;other;LK;DE;02;47.90;11.31
Müritz;Muritz|Müritz;other;LK;DE;12;53.42;12.68
Gardasee;Lake Garda;other;LK;IT;;45.65;10.68
Genfersee|Genfer See;Lake Geneva;other;LK;CH;;46.45;6.55
Zürichsee;Lake Zurich;other;LK;CH;ZH;47.25;8.70
Nordsee;North Sea;other;SEA;;;54.50;7.00
Ostsee;Baltic Sea;other;SEA;;;55.00;15.00
Mittelmeer;Mediterranean|Mediterranean Sea;other;SEA;;;35.00;18.00
Atlantik|Atlantischer Ozean;Atlantic|Atlantic Ocean;other;OCN;;;30.00;-40.00
Pazifik|Pazifischer Ozean;Pacific|Pacific Ocean;other;OCN;;;0.00;-160.00
Ärmelkanal;English Channel;other;CHN;;;50.20;-1.00
Schwarzes Meer;Black Sea;other;SEA;;;43.40;34.00
Rotes Meer;Red Sea;other;SEA;;;20.00;38.50
# Regions abroad that German news names often
Mallorca;Majorca|Mallorca;region;ISL;ES;;39.61;2.99
Kanaren|Kanarische Inseln;Canary Islands|Canaries;region;ISL;ES;;28.29;-16.00
Sizilien;Sicily;region;ISL;IT;;37.60;14.02
Sardinien;Sardinia;region;ISL;IT;;40.12;9.01
Korsika;Corsica;region;ISL;FR;;42.15;9.10
Kreta;Crete;region;ISL;GR;;35.24;24.81
Südtirol;South Tyrol;region;RGN;IT;;46.50;11.35
Elsass;Alsace;region;RGN;FR;;48.58;7.75
Lothringen;Lorraine;region;RGN;FR;;49.12;6.18
Toskana;Tuscany;region;RGN;IT;;43.77;11.25
Bretagne;Brittany;region;RGN;FR;;48.11;-1.68
Katalonien;Catalonia;region;RGN;ES;;41.39;2.17
Schlesien;Silesia;region;RGN;PL;;51.11;17.03
Gazastreifen|Gaza-Streifen;Gaza Strip;region;RGN;PS;;31.50;34.47
Westjordanland;West Bank;region;RGN;PS;;31.90;35.20
Krim;Crimea;region;RGN;UA;;44.95;34.10
Donbass;Donbas|Donbass;region;RGN;UA;;48.00;37.80
Balkan;Balkans;region;RGN;;;43.00;21.00
Skandinavien;Scandinavia;region;RGN;;;62.00;15.00
Nahost|Naher Osten;Middle East;region;RGN;;;29.00;42.00
Karibik;Caribbean;region;RGN;;;15.00;-75.00
Sibirien;Siberia;region;RGN;RU;;60.00;100.00
)";

const std::string_view kCountryAliases = R"(US;Vereinigte Staaten;de!
US;United States;en!
US;America;en
GB;Großbritannien|Britannien;de!
GB;United Kingdom|Britain;en!
DE;Bundesrepublik Deutschland|Bundesrepublik;de
DE;Federal Republic of Germany;en
DE;BRD;abbrev
NL;Holland;de
NL;Holland;en
CD;Zaire|Zaïre;de
CD;Zaire|Zaïre|Democratic Republic of Congo;en
LK;Ceylon;en
LK;Ceylon;de
TH;Siam;en
SZ;Swaziland;en
SZ;Swasiland;de
CZ;Tschechien;de!
CZ;Czech Republic;en!
RU;Russland;de!
RU;Russia;en!
TR;Turkey;en!
CI;Ivory Coast;en!
MK;Mazedonien;de
MK;North Macedonia;en!
BY;Weißrussland;de
MM;Birma;de
MM;Burma;en
VA;Vatikan;de!
VA;Vatican|Vatican City;en!
PS;Palästina|Palästinensische Gebiete;de!
PS;Palestine;en!
TW;Taiwan;en!
AE;VAE|Emirate;de
KR;Korea;de
KR;South Korea;en!
CD;Demokratische Republik Kongo|DR Kongo;de!
CD;Democratic Republic of the Congo|DR Congo;en!
CD;DRC;abbrev
CG;Republic of the Congo;en!
IR;Iran;en!
SY;Syrien;de!
SY;Syria;en!
CN;Volksrepublik China;de
CN;China;en!
LA;Laos;en!
MD;Moldau|Republik Moldau;de
MD;Moldova;en!
TZ;Tansania;de!
TZ;Tanzania;en!
BN;Brunei;de!
BN;Brunei;en!
FM;Micronesia;en!
VE;Venezuela;en!
BO;Bolivia;en!
VN;Vietnam;en!
)";

}  // namespace pk::geo::tables
