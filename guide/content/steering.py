"""Panduan Tim Pengarah: reading the dashboard, following a figure to its items, the year-end report.

Screenshots: the Tim Pengarah account ``pengarah`` on the demo data (seed_demo).
"""

from guide.guides import Guide, Page, Section, Step, Target

APIP = ("indicator", "Kapabilitas Aparatur Pengawas Intern Pemerintahan")  # a level, not a percent

DASHBOARD = Section(
    slug="dasbor",
    title="Membaca dasbor",
    intro=(
        "Dasbor menunjukkan keadaan reformasi birokrasi kabupaten dalam satu tahun, atau sampai "
        "triwulan tertentu. Capaian dihitung hanya dari laporan yang sudah diverifikasi."
    ),
    steps=(
        Step(
            title="Pilih tahun dan triwulan",
            text=(
                "Tekan *Dasbor* di menu utama. Pilih *Tahun* dan, bila perlu, triwulan di *Sampai*, lalu "
                "tekan *Tampilkan*."
            ),
            page=Page("dashboards:dashboard", query="year=2020"),
            target=Target("button", "Tampilkan"),
        ),
        Step(
            title="Baca ringkasannya",
            text=(
                "*Rata-rata capaian* adalah rata-rata capaian item bertarget angka, dengan kategorinya "
                "(sangat tinggi sampai sangat rendah). Predikat, opini dan level tidak dirata-ratakan: "
                "berapa yang tercapai disebut di bawahnya. *Keadaan item* menghitung item menurut "
                "keadaannya; laporan yang menunggu verifikasi disebut terpisah dan belum dihitung."
            ),
            page=Page("dashboards:dashboard", query="year=2020"),
            target=Target("text", "Rata-rata capaian"),
        ),
        Step(
            title="Bandingkan area perubahan",
            text=(
                "Tabel *Capaian per area perubahan* menunjukkan rata-rata capaian setiap area dan "
                "berapa itemnya yang tanpa target, belum dilaporkan, menunggu verifikasi atau tidak "
                "tercapai, serta kemajuan rencana aksinya. Setiap angka dapat ditekan untuk melihat "
                "item di baliknya."
            ),
            page=Page("dashboards:dashboard", query="year=2020"),
            target=Target("heading", "Capaian per area perubahan"),
        ),
        Step(
            title="Lihat indikator kunci",
            text=(
                "Grafik *Indikator kunci: target dan realisasi* menunjukkan enam indikator utama dari "
                "tahun ke tahun: garis titik-titik adalah target, batang atau titik hijau realisasi "
                "terverifikasi, titik oranye angka sementara yang menunggu verifikasi."
            ),
            page=Page("dashboards:dashboard", query="year=2020"),
            target=Target("heading", "Indikator kunci: target dan realisasi"),
        ),
        Step(
            title="Cetak atau unduh rekap",
            text=(
                "Tekan *Cetak* untuk mencetak dasbor pada kertas A4 atau menyimpannya sebagai PDF. "
                "*Rekap Excel* mengunduh rekap tahun itu dalam susunan tabel Peraturan Bupati."
            ),
            page=Page("dashboards:dashboard", query="year=2020"),
            target=Target("button", "Cetak"),
        ),
    ),
)

DRILL = Section(
    slug="menelusuri",
    title="Menelusuri angka sampai ke item",
    intro="Setiap angka di dasbor membuka daftar item di baliknya, dan setiap item membuka laporannya.",
    steps=(
        Step(
            title="Saring daftar capaian",
            text=(
                "Angka di dasbor membuka halaman *Capaian*: setiap indikator dan kegiatan dengan target, "
                "realisasi terverifikasi dan capaiannya. Saring menurut *Area perubahan*, *Keadaan* atau "
                "*Kategori capaian*, lalu tekan *Saring*. *Unduh Excel* mengunduh daftar yang tampil."
            ),
            page=Page("dashboards:achievement", query="year=2020"),
            target=Target("label", "Keadaan"),
        ),
        Step(
            title="Buka item",
            text=(
                "Tekan nama item untuk melihat *Target dan realisasi per tahun*, realisasi per "
                "triwulan, laporan beserta bukti dukungnya, dan tab *Riwayat* yang mencatat setiap "
                "perubahan: siapa, kapan dan alasannya."
            ),
            page=Page("monev:indicator-detail", APIP),
            target=Target("heading", "Target dan realisasi per tahun"),
        ),
    ),
)

REPORT = Section(
    slug="laporan-tahunan",
    title="Membaca laporan tahunan",
    intro=(
        "Laporan monev akhir tahun disusun dari laporan yang sudah diverifikasi, dalam susunan "
        "Tabel 5.4 Peraturan Bupati."
    ),
    steps=(
        Step(
            title="Buka laporan tahun itu",
            text=(
                "Tekan *Laporan Tahunan* di menu utama dan pilih *Tahun*. Laporan memuat *I. Ringkasan*, "
                "capaian per area, item di bawah target beserta kendala dan tindak lanjutnya, rencana "
                "aksi yang belum selesai, quick wins, serta hambatan dan solusinya."
            ),
            page=Page("dashboards:report", query="year=2020"),
            target=Target("heading", "I. Ringkasan"),
        ),
        Step(
            title="Cetak atau simpan sebagai PDF",
            text=(
                "Tekan *Cetak / simpan PDF* untuk mencetaknya pada kertas A4 atau menyimpannya sebagai "
                "PDF. *Unduh Excel* memberi isi yang sama dalam berkas Excel."
            ),
            page=Page("dashboards:report", query="year=2020"),
            target=Target("button", "Cetak / simpan PDF"),
        ),
    ),
)

GUIDE = Guide(
    slug="steering",
    role="steering",
    title="Panduan Tim Pengarah",
    summary="Membaca dasbor, menelusuri angka sampai ke laporannya, dan membaca laporan tahunan.",
    intro=(
        "Anggota Tim Pengarah membaca keadaan reformasi birokrasi kabupaten: dasbor, capaian setiap "
        "indikator dan kegiatan, dan laporan tahunan. Peran ini hanya membaca; tidak ada yang perlu "
        "dilaporkan atau diisi."
    ),
    account="pengarah",
    sections=(DASHBOARD, DRILL, REPORT),
    also_for=("staff", "agency_admin"),  # they read the dashboard too; their guides do not explain it
)
